// Parameter shapes shared by main.bicep and its modules: Bicep checks every value against them.

@export()
@description('One server firewall rule: a client IP range. A range that opens the whole internet is refused (modules/sql-server.bicep).')
type firewallRule = {
  @minLength(1)
  @maxLength(128)
  name: string
  startIpAddress: string
  endIpAddress: string
}

@export()
@description('A vCore SKU: its name carries the tier, hardware generation and vCores.')
type databaseSkuChoice = {
  @description('e.g. GP_S_Gen5_2 (serverless), GP_Gen5_2, BC_Gen5_4, HS_Gen5_4')
  name: string
  tier: 'GeneralPurpose' | 'BusinessCritical' | 'Hyperscale'
}

@export()
@description('Long-term retention of full backups, as ISO 8601 durations (P0D keeps none).')
type longTermRetentionPolicy = {
  weeklyRetention: string
  monthlyRetention: string
  yearlyRetention: string
  @description('Week whose backup the yearly retention keeps.')
  @minValue(1)
  @maxValue(52)
  weekOfYear: int
}

@export()
@description('Entra identities (users, groups, managed identities) to add to each database role.')
type roleMembersByRole = {
  analytics_reader: string[]
  sidecar_writer: string[]
  etl_loader: string[]
}
