// Development: one small serverless database, reachable from the developers' addresses, no
// secondary region. SQL authentication stays on so ./ecom test-db can sign in with a SQL login.
using '../bicep/main.bicep'

param location = 'westeurope'
param secondaryLocation = 'northeurope'
param namePrefix = 'ecom-analytics-dev'
param deploySecondary = false

param entraAdminLogin = 'ecom-sql-admins-dev'
param entraAdminObjectId = readEnvironmentVariable('ECOM_ENTRA_ADMIN_OBJECT_ID')
param entraAdminPrincipalType = 'Group'
param entraOnlyAuthentication = false
param sqlAdministratorLogin = 'ecom_admin'
param sqlAdministratorPassword = readEnvironmentVariable('ECOM_SQL_ADMIN_PASSWORD')

param publicNetworkAccess = 'Enabled'
param firewallRules = [
  {
    // Documentation range (RFC 5737): replace with the office's public address.
    name: 'office'
    startIpAddress: '203.0.113.10'
    endIpAddress: '203.0.113.10'
  }
]

param databaseSku = {
  name: 'GP_S_Gen5_2'
  tier: 'GeneralPurpose'
}
param zoneRedundant = false
param backupRetentionDays = 7
param longTermRetention = {
  weeklyRetention: 'P4W'
  monthlyRetention: 'P0D'
  yearlyRetention: 'P0D'
  weekOfYear: 1
}

param enableDdosProtection = false
param logRetentionDays = 30

param databaseRoleMembers = {
  analytics_reader: [
    'ecom-powerbi-dev'
  ]
  sidecar_writer: [
    'ecom-sidecar-dev'
  ]
  etl_loader: [
    'ecom-etl-dev'
  ]
}
