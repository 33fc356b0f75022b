@description('The CoachFlow Functions app on Flex Consumption (FC1), running as its user-assigned identity.')
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param tableServiceUri string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param sendGridApiKeySecretUri string
param linkSigningKeySecretUri string
param websiteOrigin string
param durableAlwaysReadyInstances int
param coachName string
param coachEmail string
param meetingLink string
param senderAddress string
param coachTimeZone string
param focusAreas array
param referrals array
param weeklyAvailability array
param blockedDates array
param chemistryLength string
param buffer string
param minimumNotice string
param horizon string
param photoUrl string
param accentColor string
param agreementTerms object
param autoInvite bool
param durations object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// Every key CoachFlowOptionsValidator requires at start-up; secrets only as Key Vault references.
var coachFlowSettings = {
  // The host name Azure gives the app, not one assembled by hand (it differs in sovereign clouds).
  CoachFlow__PublicBaseUrl: 'https://${site.properties.defaultHostName}'
  CoachFlow__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${linkSigningKeySecretUri})'
  CoachFlow__AutoInvite: string(autoInvite)
  // The coach's site may frame the intake form (Content-Security-Policy frame-ancestors); no other site may.
  CoachFlow__Intake__EmbedOrigins__0: websiteOrigin
  // Every request reaches the worker from the Functions host: the client's address is what the front end appended.
  CoachFlow__RateLimits__ClientAddressHeader: 'X-Forwarded-For'
  // CoachFlow's tables: the endpoint the storage account reports, reached as the app's own identity.
  CoachFlow__Storage__TableServiceUri: tableServiceUri
  CoachFlow__Storage__ManagedIdentityClientId: identityClientId
  // host.json names the Durable task hub by this setting (%CoachFlow__Workflow__TaskHub%), as the local host does.
  CoachFlow__Workflow__TaskHub: 'CoachFlow'
  CoachFlow__Email__Provider: 'SendGrid'
  CoachFlow__Email__SenderAddress: senderAddress
  CoachFlow__Email__SenderName: coachName
  CoachFlow__Email__SendGridApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'
  CoachFlow__Coach__Name: coachName
  CoachFlow__Coach__Email: coachEmail
  CoachFlow__Coach__TimeZone: coachTimeZone
  CoachFlow__Coach__MeetingLink: meetingLink
  CoachFlow__Coach__ChemistryLength: chemistryLength
  CoachFlow__Coach__Buffer: buffer
  CoachFlow__Coach__MinimumNotice: minimumNotice
  CoachFlow__Coach__Horizon: horizon
  CoachFlow__Coach__AccentColor: accentColor
  CoachFlow__Coach__AgreementTerms__WhatCoachingIs: agreementTerms.whatCoachingIs
  CoachFlow__Coach__AgreementTerms__Services: agreementTerms.services
  CoachFlow__Coach__AgreementTerms__RolesAndResponsibilities: agreementTerms.rolesAndResponsibilities
  CoachFlow__Coach__AgreementTerms__LogisticsAndFees: agreementTerms.logisticsAndFees
  CoachFlow__Coach__AgreementTerms__SchedulingAndCancellation: agreementTerms.schedulingAndCancellation
  CoachFlow__Coach__AgreementTerms__DurationAndTermination: agreementTerms.durationAndTermination
  CoachFlow__Coach__AgreementTerms__Confidentiality: agreementTerms.confidentiality
}

// An empty setting would bind as "" and fail the URL check: no photo means no setting.
var photoSettings = empty(photoUrl) ? {} : { CoachFlow__Coach__PhotoUrl: photoUrl }

// Lists become one setting per item (CoachFlow__Coach__FocusAreas__0, ...), as .NET configuration reads arrays.
var focusAreaSettings = reduce(range(0, length(focusAreas)), {}, (settings, i) => union(settings, {
  'CoachFlow__Coach__FocusAreas__${i}': focusAreas[i]
}))

var referralSettings = reduce(range(0, length(referrals)), {}, (settings, i) => union(settings, {
  'CoachFlow__Coach__Referrals__${i}': referrals[i]
}))

var blockedDateSettings = reduce(range(0, length(blockedDates)), {}, (settings, i) => union(settings, {
  'CoachFlow__Coach__BlockedDates__${i}': blockedDates[i]
}))

var availabilitySettings = reduce(range(0, length(weeklyAvailability)), {}, (settings, i) => union(settings, {
  'CoachFlow__Coach__WeeklyAvailability__${i}__Day': weeklyAvailability[i].day
  'CoachFlow__Coach__WeeklyAvailability__${i}__Start': weeklyAvailability[i].start
  'CoachFlow__Coach__WeeklyAvailability__${i}__End': weeklyAvailability[i].end
}))

// Only the waits the coach names: configuration keys are case-insensitive, so triageReminder binds TriageReminder.
var durationSettings = reduce(items(durations), {}, (settings, wait) => union(settings, {
  'CoachFlow__Durations__${wait.key}': wait.value
}))

// Identity-based connection for the Functions host and its Durable task hub: the user-assigned identity by client
// id, and one endpoint per storage service the Azure Storage provider uses. No keys.
var platformSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      cors: { allowedOrigins: [websiteOrigin] }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      // Microsoft's guidance for Durable Functions on Flex Consumption: one always-ready instance for the
      // `durable` group, so orchestrations and activities never wait for a cold start after scale to zero.
      scaleAndConcurrency: {
        instanceMemoryMB: 2048
        maximumInstanceCount: 40
        alwaysReady: [
          { name: 'durable', instanceCount: durableAlwaysReadyInstances }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(
      platformSettings,
      coachFlowSettings,
      photoSettings,
      focusAreaSettings,
      referralSettings,
      blockedDateSettings,
      availabilitySettings,
      durationSettings
    )
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
