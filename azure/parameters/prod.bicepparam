// Production: Hyperscale with a named replica for Power BI, zone redundant, geo-replicated to the
// paired region behind an auto-failover group, reachable only through private endpoints, and
// Entra identities only.
using '../bicep/main.bicep'

param location = 'westeurope'
param secondaryLocation = 'northeurope'
param namePrefix = 'ecom-analytics'
param deploySecondary = true

param entraAdminLogin = 'ecom-sql-admins'
param entraAdminObjectId = readEnvironmentVariable('ECOM_ENTRA_ADMIN_OBJECT_ID')
param entraAdminPrincipalType = 'Group'
param entraOnlyAuthentication = true

param publicNetworkAccess = 'Disabled'
param firewallRules = []

param databaseSku = {
  name: 'HS_Gen5_4'
  tier: 'Hyperscale'
}
param zoneRedundant = true
param backupRetentionDays = 35
param longTermRetention = {
  weeklyRetention: 'P12W'
  monthlyRetention: 'P12M'
  yearlyRetention: 'P10Y'
  weekOfYear: 1
}
param namedReplicaName = 'ecom-powerbi'

// The servers have no public address once public access is off: a DDoS plan would protect
// nothing here, at a large fixed monthly cost. Turn it on when public endpoints join the network.
param enableDdosProtection = false
param logRetentionDays = 365

param databaseRoleMembers = {
  analytics_reader: [
    'ecom-powerbi'
  ]
  sidecar_writer: [
    'ecom-sidecar'
  ]
  etl_loader: [
    'ecom-etl'
  ]
}
