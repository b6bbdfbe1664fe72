// A virtual network whose only subnet holds the SQL private endpoint, optionally under a DDoS
// Network Protection plan.

param name string
param location string
param addressPrefix string

@description('Resource id of a DDoS protection plan; empty for none.')
param ddosProtectionPlanId string

var ddosProtected = !empty(ddosProtectionPlanId)

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: name
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    enableDdosProtection: ddosProtected
    ddosProtectionPlan: ddosProtected ? { id: ddosProtectionPlanId } : null
    subnets: [
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: addressPrefix
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

output id string = virtualNetwork.id
output privateEndpointSubnetId string = virtualNetwork.properties.subnets[0].id
