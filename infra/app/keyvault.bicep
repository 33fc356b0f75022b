@description('Key Vault (RBAC) holding the SendGrid API key and the link-signing key.')
param name string
param location string
param tags object

@secure()
param sendGridApiKey string

@secure()
param linkSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource signing 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-key'
  properties: { value: linkSigningKey }
}

output name string = vault.name
output sendGridApiKeySecretUri string = sendGrid.properties.secretUri
output linkSigningKeySecretUri string = signing.properties.secretUri
