@description('The CoachFlow Functions app on Flex Consumption (FC1), running as its user-assigned identity.')
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param sendGridApiKeySecretUri string
param linkSigningKeySecretUri string
param websiteOrigin string
param coachName string
param coachEmail string
param coachTimeZone string
param meetingLink string
param senderAddress string
param weeklyAvailability array
param agreementTerms object

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

var publicBaseUrl = 'https://${name}.azurewebsites.net'

// Every key CoachFlowOptionsValidator requires at start-up; secrets only as Key Vault references.
var coachFlowSettings = {
  CoachFlow__PublicBaseUrl: publicBaseUrl
  CoachFlow__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${linkSigningKeySecretUri})'
  CoachFlow__Storage__AccountName: storageAccountName
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
  CoachFlow__Coach__AgreementTerms__WhatCoachingIs: agreementTerms.whatCoachingIs
  CoachFlow__Coach__AgreementTerms__Services: agreementTerms.services
  CoachFlow__Coach__AgreementTerms__RolesAndResponsibilities: agreementTerms.rolesAndResponsibilities
  CoachFlow__Coach__AgreementTerms__LogisticsAndFees: agreementTerms.logisticsAndFees
  CoachFlow__Coach__AgreementTerms__SchedulingAndCancellation: agreementTerms.schedulingAndCancellation
  CoachFlow__Coach__AgreementTerms__DurationAndTermination: agreementTerms.durationAndTermination
  CoachFlow__Coach__AgreementTerms__Confidentiality: agreementTerms.confidentiality
}

var availabilitySettings = reduce(range(0, length(weeklyAvailability)), {}, (settings, i) => union(settings, {
  'CoachFlow__Coach__WeeklyAvailability__${i}__Day': weeklyAvailability[i].day
  'CoachFlow__Coach__WeeklyAvailability__${i}__Start': weeklyAvailability[i].start
  'CoachFlow__Coach__WeeklyAvailability__${i}__End': weeklyAvailability[i].end
}))

// Identity-based connections: the Functions host (Durable task hub) and CoachFlow's own tables use no keys.
var platformSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AZURE_CLIENT_ID: identityClientId
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
      scaleAndConcurrency: {
        instanceMemoryMB: 2048
        maximumInstanceCount: 40
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(platformSettings, coachFlowSettings, availabilitySettings)
  }
}

output name string = site.name
output url string = publicBaseUrl
