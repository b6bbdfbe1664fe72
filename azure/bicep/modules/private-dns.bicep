// The private DNS zone that resolves <server>.database.windows.net (and the failover group
// listener) to private endpoint addresses, linked to every virtual network of the estate.

param virtualNetworkIds string[]

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  // The zone Azure SQL Database's private link uses in the public cloud.
  name: 'privatelink.database.windows.net'
  location: 'global'
}

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [for (networkId, index) in virtualNetworkIds: {
  parent: zone
  name: 'link-${index}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: networkId
    }
  }
}]

output zoneId string = zone.id
