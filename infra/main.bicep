targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

// The regions Microsoft's own Flex Consumption azd sample allows (Azure-Samples/functions-quickstart-dotnet-azd,
// infra/main.bicep), less its canary region. `az functionapp list-flexconsumption-locations` gives today's list:
// add a region here when Flex reaches it.
@minLength(1)
@description('Azure region for all resources; Flex Consumption must be offered there.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of whoever runs azd (azd fills it in), given read access to the tables to look into the task hub and engagements.')
param principalId string = ''

@description('Whether that is a person or a service principal, as azd reports it: CI provisions as a service principal.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('The coach whose front door this is.')
param coachName string

@description('Where enquiries and decisions are emailed.')
param coachEmail string

@description('The video-call link for chemistry sessions.')
param meetingLink string

@description('Verified SendGrid sender address.')
param senderAddress string

@description('The coach\'s website origin (scheme and host), allowed by CORS to post the embedded intake form.')
param websiteOrigin string

@secure()
@description('SendGrid API key; stored in Key Vault and read through a Key Vault reference.')
param sendGridApiKey string

@secure()
@minLength(32)
@description('Key for the signed links in emails, generated once by the preprovision hook; stored in Key Vault.')
param linkSigningKey string

// The rest of the coach's profile: infra/coach-profile.json holds the defaults a coach edits; an azd environment
// value of the same meaning overrides each one (main.parameters.json maps them; the README lists them).

@description('IANA time zone of the coach\'s availability, e.g. Europe/London.')
param coachTimeZone string = loadJsonContent('coach-profile.json').timeZone

@description('What the coach works on; clients choose from these. Empty: CoachFlow\'s general list.')
param focusAreas array = loadJsonContent('coach-profile.json').focusAreas

@description('Colleagues a kind decline may suggest.')
param referrals array = loadJsonContent('coach-profile.json').referrals

@description('Weekly availability in the coach\'s time zone: [{ day, start, end }].')
param weeklyAvailability array = loadJsonContent('coach-profile.json').weeklyAvailability

@description('Dates (yyyy-MM-dd) with no chemistry sessions.')
param blockedDates array = loadJsonContent('coach-profile.json').blockedDates

@description('Length of a chemistry session (ISO 8601, e.g. PT30M).')
param chemistryLength string = loadJsonContent('coach-profile.json').chemistryLength

@description('Free time kept around each session (ISO 8601).')
param buffer string = loadJsonContent('coach-profile.json').buffer

@description('How far ahead a session must be booked (ISO 8601).')
param minimumNotice string = loadJsonContent('coach-profile.json').minimumNotice

@description('How far ahead sessions can be booked (ISO 8601).')
param horizon string = loadJsonContent('coach-profile.json').horizon

@description('Absolute URL of the coach\'s photo on the pages; empty for none.')
param photoUrl string = loadJsonContent('coach-profile.json').photoUrl

@description('Accent colour of the pages, e.g. #2f6f5e.')
param accentColor string = loadJsonContent('coach-profile.json').accentColor

@description('The coaching agreement, section by section (every section is required at start-up).')
param agreementTerms object = loadJsonContent('coach-profile.json').agreementTerms

@description('Invite every client to a chemistry session without the coach\'s triage.')
param autoInvite bool = loadJsonContent('coach-profile.json').autoInvite

@description('The lifecycle\'s waits (ISO 8601), e.g. { "triageReminder": "P2D", "triageTimeout": "P7D" }; a wait left out keeps CoachFlow\'s default.')
param durations object = loadJsonContent('coach-profile.json').durations

@description('Always-ready instances for the Durable group: Microsoft\'s guidance for Durable Functions on Flex Consumption is 1. 0 scales to zero (no baseline cost, but a click or a due timer can wait for a cold start).')
@minValue(0)
@maxValue(4)
param durableAlwaysReadyInstances int = 1

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity './app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage './app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
  }
}

module monitoring './app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module vault './app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    linkSigningKey: linkSigningKey
  }
}

module rbac './app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: vault.outputs.name
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api './app/function.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [rbac]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    tableServiceUri: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    sendGridApiKeySecretUri: vault.outputs.sendGridApiKeySecretUri
    linkSigningKeySecretUri: vault.outputs.linkSigningKeySecretUri
    websiteOrigin: websiteOrigin
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    coachName: coachName
    coachEmail: coachEmail
    meetingLink: meetingLink
    senderAddress: senderAddress
    coachTimeZone: coachTimeZone
    focusAreas: focusAreas
    referrals: referrals
    weeklyAvailability: weeklyAvailability
    blockedDates: blockedDates
    chemistryLength: chemistryLength
    buffer: buffer
    minimumNotice: minimumNotice
    horizon: horizon
    photoUrl: photoUrl
    accentColor: accentColor
    agreementTerms: agreementTerms
    autoInvite: autoInvite
    durations: durations
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output INTAKE_URL string = '${api.outputs.url}/intake'
