targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (Flex Consumption must be available there).')
param location string

@description('Object id of the person running azd, granted access to read secrets and data while developing.')
param principalId string = ''

@description('The coach whose front door this is.')
param coachName string

@description('Where enquiries and decisions are emailed.')
param coachEmail string

@description('IANA time zone of the coach\'s availability, e.g. Europe/London.')
param coachTimeZone string = 'Europe/London'

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
@description('Key for the signed links in emails; stored in Key Vault (azd generates one on first provision).')
param linkSigningKey string

@description('Weekly availability in the coach\'s time zone.')
param weeklyAvailability array = [
  { day: 'Monday', start: '09:00', end: '12:00' }
  { day: 'Tuesday', start: '09:00', end: '12:00' }
  { day: 'Wednesday', start: '13:00', end: '17:00' }
  { day: 'Thursday', start: '09:00', end: '12:00' }
]

@description('The coaching agreement, section by section (every section is required at start-up).')
param agreementTerms object = {
  whatCoachingIs: 'Coaching is a thought-provoking partnership towards goals you choose. It is not therapy, counselling or consulting.'
  services: 'Six 60-minute coaching sessions by video over about three months.'
  rolesAndResponsibilities: 'You set the agenda and take the actions you decide on; I listen, ask and hold you to what matters to you.'
  logisticsAndFees: 'The programme fee is invoiced in two instalments, before the first and after the third session.'
  schedulingAndCancellation: 'Please give at least 24 hours\' notice to move a session.'
  durationAndTermination: 'The agreement runs for three months; either of us may end it at any time by email.'
  confidentiality: 'What you share stays between us, except where someone is at serious risk of harm or the law requires disclosure.'
}

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
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    sendGridApiKeySecretUri: vault.outputs.sendGridApiKeySecretUri
    linkSigningKeySecretUri: vault.outputs.linkSigningKeySecretUri
    websiteOrigin: websiteOrigin
    coachName: coachName
    coachEmail: coachEmail
    coachTimeZone: coachTimeZone
    meetingLink: meetingLink
    senderAddress: senderAddress
    weeklyAvailability: weeklyAvailability
    agreementTerms: agreementTerms
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output INTAKE_URL string = '${api.outputs.url}/intake'
