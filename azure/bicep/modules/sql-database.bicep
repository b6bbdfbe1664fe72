// The warehouse database with its backups (short- and long-term retention), transparent data
// encryption, diagnostic logs and, on Hyperscale, the named read replica Power BI reads from.

import { databaseSkuChoice, longTermRetentionPolicy } from '../types.bicep'

param serverName string
param name string
param location string
param sku databaseSkuChoice
param zoneRedundant bool

@minValue(7)
@maxValue(35)
param backupRetentionDays int

param longTermRetention longTermRetentionPolicy

@description('Name of the Hyperscale named replica; empty for none. Ignored on other tiers.')
param namedReplicaName string

param logAnalyticsWorkspaceId string

var namedReplica = sku.tier == 'Hyperscale' && !empty(namedReplicaName)

resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: serverName
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: server
  name: name
  location: location
  sku: sku
  properties: {
    zoneRedundant: zoneRedundant
    // Zone-redundant backups with a zone-redundant database; geo-redundant otherwise.
    requestedBackupStorageRedundancy: zoneRedundant ? 'Zone' : 'Geo'
  }
}

resource encryption 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01' = {
  parent: database
  name: 'current'
  properties: {
    state: 'Enabled'
  }
}

resource pointInTimeBackups 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    retentionDays: backupRetentionDays
  }
}

resource longTermBackups 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    weeklyRetention: longTermRetention.weeklyRetention
    monthlyRetention: longTermRetention.monthlyRetention
    yearlyRetention: longTermRetention.yearlyRetention
    weekOfYear: longTermRetention.weekOfYear
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: database
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Basic'
        enabled: true
      }
    ]
  }
}

// Power BI's reports read here, so they never compete with the loads on the primary.
resource replica 'Microsoft.Sql/servers/databases@2023-08-01' = if (namedReplica) {
  parent: server
  name: namedReplicaName
  location: location
  sku: sku
  properties: {
    createMode: 'Secondary'
    secondaryType: 'Named'
    sourceDatabaseId: database.id
    zoneRedundant: zoneRedundant
  }
}

output id string = database.id
