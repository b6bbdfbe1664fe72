// A logical server with its security baseline: Entra administrator, TLS 1.2, firewall rules
// from parameters, auditing to Log Analytics, Microsoft Defender for SQL with vulnerability
// assessment, and transparent data encryption's protector (service- or customer-managed key).
// Used for the primary and the secondary server alike, so both carry the same baseline.

import { firewallRule } from '../types.bicep'

param name string
param location string
param entraAdminLogin string
param entraAdminObjectId string
param entraAdminPrincipalType string
param entraOnlyAuthentication bool
param sqlAdministratorLogin string

@secure()
param sqlAdministratorPassword string

@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string

param firewallRules firewallRule[]

@description('Key Vault key URI for a customer-managed TDE protector; empty for the service-managed key.')
param tdeKeyUri string

param logAnalyticsWorkspaceId string

// fail() below stops the deployment before any rule is created when one opens the whole internet.
var openWorldRuleNames = map(filter(firewallRules, rule => rule.startIpAddress == '0.0.0.0' && rule.endIpAddress == '255.255.255.255'), rule => rule.name)

var customerManagedKey = !empty(tdeKeyUri)
// A Key Vault key URI is https://<vault>.vault.azure.net/keys/<key>/<version>; the server key's
// name must be <vault>_<key>_<version>.
var keyUriParts = split(tdeKeyUri, '/')
var serverKeyName = customerManagedKey ? '${split(keyUriParts[2], '.')[0]}_${keyUriParts[4]}_${keyUriParts[5]}' : 'ServiceManaged'

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: name
  location: location
  identity: {
    // Reads the customer-managed key, and lets the server look up Entra identities.
    type: 'SystemAssigned'
  }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess
    administratorLogin: entraOnlyAuthentication ? null : sqlAdministratorLogin
    administratorLoginPassword: entraOnlyAuthentication ? null : sqlAdministratorPassword
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: entraOnlyAuthentication
      login: entraAdminLogin
      sid: entraAdminObjectId
      principalType: entraAdminPrincipalType
      tenantId: subscription().tenantId
    }
  }
}

resource firewall 'Microsoft.Sql/servers/firewallRules@2023-08-01' = [for rule in firewallRules: {
  parent: server
  name: empty(openWorldRuleNames) ? rule.name : fail('Firewall rule(s) ${join(openWorldRuleNames, ', ')} would open the server to the whole internet: refused.')
  properties: {
    startIpAddress: rule.startIpAddress
    endIpAddress: rule.endIpAddress
  }
}]

resource serverKey 'Microsoft.Sql/servers/keys@2023-08-01' = if (customerManagedKey) {
  parent: server
  name: serverKeyName
  properties: {
    serverKeyType: 'AzureKeyVault'
    uri: tdeKeyUri
  }
}

resource encryptionProtector 'Microsoft.Sql/servers/encryptionProtector@2023-08-01' = {
  parent: server
  name: 'current'
  properties: {
    serverKeyType: customerManagedKey ? 'AzureKeyVault' : 'ServiceManaged'
    serverKeyName: serverKeyName
    autoRotationEnabled: customerManagedKey
  }
  dependsOn: [
    serverKey
  ]
}

// Auditing goes to Azure Monitor; the diagnostic setting on master below sends it to Log Analytics.
resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
    auditActionsAndGroups: [
      'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'
      'FAILED_DATABASE_AUTHENTICATION_GROUP'
      'BATCH_COMPLETED_GROUP'
    ]
  }
}

resource master 'Microsoft.Sql/servers/databases@2023-08-01' existing = {
  parent: server
  name: 'master'
}

resource auditToLogAnalytics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: master
  name: 'audit-to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'SQLSecurityAuditEvents'
        enabled: true
      }
      {
        category: 'DevOpsOperationsAudit'
        enabled: true
      }
    ]
  }
}

// Microsoft Defender for SQL: threat protection on the server...
resource defender 'Microsoft.Sql/servers/securityAlertPolicies@2023-08-01' = {
  parent: server
  name: 'Default'
  properties: {
    state: 'Enabled'
    emailAccountAdmins: true
  }
}

// ...and its vulnerability assessment (express configuration: no storage account needed).
resource vulnerabilityAssessment 'Microsoft.Sql/servers/sqlVulnerabilityAssessments@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
  }
  dependsOn: [
    defender
  ]
}

output id string = server.id
output name string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
