// The Azure SQL estate of the analytics warehouse: logical servers (primary and, when asked, its
// secondary in the paired region), the database, the failover group, private networking and
// monitoring. Parameter files: azure/parameters/dev.bicepparam and prod.bicepparam.
// azure/deploy.sh deploys it; azure/README.md explains every cost-relevant choice.

import { databaseSkuChoice, firewallRule, longTermRetentionPolicy, roleMembersByRole } from 'types.bicep'

@description('Region of the primary server.')
param location string = resourceGroup().location

@description('Region of the secondary server: the primary region\'s Azure pair.')
param secondaryLocation string

@description('Prefix of every resource name; logical server names are global, so make it unique.')
@minLength(3)
@maxLength(20)
param namePrefix string

@description('Deploys the secondary server and the auto-failover group (doubles the compute cost).')
param deploySecondary bool

@description('Entra group or user that administers the servers.')
param entraAdminLogin string

@description('Object id of entraAdminLogin.')
param entraAdminObjectId string

@description('User, Group or Application.')
@allowed([
  'User'
  'Group'
  'Application'
])
param entraAdminPrincipalType string = 'Group'

@description('Only Entra identities can sign in (SQL logins refused). Required in prod.')
param entraOnlyAuthentication bool

@description('SQL administrator login, used only when entraOnlyAuthentication is false.')
param sqlAdministratorLogin string = ''

@description('SQL administrator password, used only when entraOnlyAuthentication is false. Never in a file: the dev parameters read it from the environment.')
@secure()
param sqlAdministratorPassword string = ''

@description('Enabled or Disabled. Disabled in prod: clients come through the private endpoint.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string

@description('Client IP ranges let through the server firewall while public access is enabled.')
param firewallRules firewallRule[] = []

@description('Database SKU: the vCore model\'s name carries the tier, generation and vCores.')
param databaseSku databaseSkuChoice

@description('Spreads the database over availability zones (Premium, Business Critical, Hyperscale and General Purpose in supported regions).')
param zoneRedundant bool

@description('Point-in-time restore window in days.')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Long-term retention of full backups: ISO 8601 durations, P0D to keep none.')
param longTermRetention longTermRetentionPolicy

@description('Name of the Hyperscale named read replica Power BI reads from; empty for none.')
param namedReplicaName string = ''

@description('Key Vault key URI for transparent data encryption with a customer-managed key; empty for the service-managed key.')
param tdeKeyUri string = ''

@description('Address space of the primary region\'s virtual network.')
param primaryAddressPrefix string = '10.20.0.0/24'

@description('Address space of the secondary region\'s virtual network.')
param secondaryAddressPrefix string = '10.21.0.0/24'

@description('Protects the virtual networks with a DDoS Network Protection plan (a large fixed monthly cost).')
param enableDdosProtection bool = false

@description('Log Analytics retention in days for audit and diagnostic logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Entra identities added to the database roles that the schema deployment creates (database/mssql/security/roles.sql), by role.')
param databaseRoleMembers roleMembersByRole

var databaseName = 'ecom'
var failoverGroupName = '${namePrefix}-fog'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: '${namePrefix}-logs'
    location: location
    retentionDays: logRetentionDays
  }
}

resource ddosPlan 'Microsoft.Network/ddosProtectionPlans@2023-11-01' = if (enableDdosProtection) {
  name: '${namePrefix}-ddos'
  location: location
}

module primaryNetwork 'modules/network.bicep' = {
  name: 'primary-network'
  params: {
    name: '${namePrefix}-vnet'
    location: location
    addressPrefix: primaryAddressPrefix
    ddosProtectionPlanId: enableDdosProtection ? ddosPlan.id : ''
  }
}

module secondaryNetwork 'modules/network.bicep' = if (deploySecondary) {
  name: 'secondary-network'
  params: {
    name: '${namePrefix}-vnet-secondary'
    location: secondaryLocation
    addressPrefix: secondaryAddressPrefix
    ddosProtectionPlanId: enableDdosProtection ? ddosPlan.id : ''
  }
}

module privateDns 'modules/private-dns.bicep' = {
  name: 'private-dns'
  params: {
    virtualNetworkIds: deploySecondary ? [primaryNetwork.outputs.id, secondaryNetwork.outputs.id] : [primaryNetwork.outputs.id]
  }
}

module primaryServer 'modules/sql-server.bicep' = {
  name: 'primary-server'
  params: {
    name: '${namePrefix}-sql'
    location: location
    entraAdminLogin: entraAdminLogin
    entraAdminObjectId: entraAdminObjectId
    entraAdminPrincipalType: entraAdminPrincipalType
    entraOnlyAuthentication: entraOnlyAuthentication
    sqlAdministratorLogin: sqlAdministratorLogin
    sqlAdministratorPassword: sqlAdministratorPassword
    publicNetworkAccess: publicNetworkAccess
    firewallRules: firewallRules
    tdeKeyUri: tdeKeyUri
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module secondaryServer 'modules/sql-server.bicep' = if (deploySecondary) {
  name: 'secondary-server'
  params: {
    name: '${namePrefix}-sql-secondary'
    location: secondaryLocation
    entraAdminLogin: entraAdminLogin
    entraAdminObjectId: entraAdminObjectId
    entraAdminPrincipalType: entraAdminPrincipalType
    entraOnlyAuthentication: entraOnlyAuthentication
    sqlAdministratorLogin: sqlAdministratorLogin
    sqlAdministratorPassword: sqlAdministratorPassword
    publicNetworkAccess: publicNetworkAccess
    firewallRules: firewallRules
    tdeKeyUri: tdeKeyUri
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module primaryEndpoint 'modules/private-endpoint.bicep' = {
  name: 'primary-endpoint'
  params: {
    name: '${namePrefix}-sql-pe'
    location: location
    subnetId: primaryNetwork.outputs.privateEndpointSubnetId
    serverId: primaryServer.outputs.id
    privateDnsZoneId: privateDns.outputs.zoneId
  }
}

module secondaryEndpoint 'modules/private-endpoint.bicep' = if (deploySecondary) {
  name: 'secondary-endpoint'
  params: {
    name: '${namePrefix}-sql-secondary-pe'
    location: secondaryLocation
    subnetId: secondaryNetwork.outputs.privateEndpointSubnetId
    serverId: secondaryServer.outputs.id
    privateDnsZoneId: privateDns.outputs.zoneId
  }
}

module database 'modules/sql-database.bicep' = {
  name: 'database'
  params: {
    serverName: primaryServer.outputs.name
    name: databaseName
    location: location
    sku: databaseSku
    zoneRedundant: zoneRedundant
    backupRetentionDays: backupRetentionDays
    longTermRetention: longTermRetention
    namedReplicaName: namedReplicaName
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module failoverGroup 'modules/failover-group.bicep' = if (deploySecondary) {
  name: 'failover-group'
  params: {
    name: failoverGroupName
    primaryServerName: primaryServer.outputs.name
    secondaryServerId: secondaryServer.outputs.id
    databaseIds: [database.outputs.id]
    gracePeriodMinutes: 60
  }
}

@description('Host name clients use: the failover group listener, or the primary server without a secondary.')
output sqlHostName string = deploySecondary ? '${failoverGroupName}${environment().suffixes.sqlServerHostname}' : primaryServer.outputs.fullyQualifiedDomainName

output databaseName string = databaseName
output failoverGroupName string = deploySecondary ? failoverGroupName : ''
output primaryServerName string = primaryServer.outputs.name
output namedReplicaName string = namedReplicaName

@description('Read back by azure/deploy.sh to map the Entra identities to the database roles.')
output databaseRoleMembers roleMembersByRole = databaseRoleMembers
