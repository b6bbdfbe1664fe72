// The auto-failover group: the database geo-replicated to the secondary server, one listener
// name (<group>.database.windows.net) that always points at the current primary.

param name string
param primaryServerName string
param secondaryServerId string
param databaseIds string[]

@description('Minutes of outage before Azure fails over with possible data loss (at least 60).')
@minValue(60)
param gracePeriodMinutes int

resource primaryServer 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: primaryServerName
}

resource failoverGroup 'Microsoft.Sql/servers/failoverGroups@2023-08-01' = {
  parent: primaryServer
  name: name
  properties: {
    readWriteEndpoint: {
      failoverPolicy: 'Automatic'
      failoverWithDataLossGracePeriodMinutes: gracePeriodMinutes
    }
    readOnlyEndpoint: {
      failoverPolicy: 'Disabled'
    }
    partnerServers: [
      {
        id: secondaryServerId
      }
    ]
    databases: databaseIds
  }
}
