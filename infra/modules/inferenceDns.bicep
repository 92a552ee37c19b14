// Names in an internal Container Apps environment resolve only through a private DNS zone for its domain, linked
// to the virtual network the Functions app sends its traffic through.

param environmentDomain string
param environmentStaticIp string
param vnetId string
param tags object

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: environmentDomain
  location: 'global'
  tags: tags

  resource wildcard 'A' = {
    name: '*'
    properties: {
      ttl: 300
      aRecords: [
        {
          ipv4Address: environmentStaticIp
        }
      ]
    }
  }

  resource link 'virtualNetworkLinks' = {
    name: 'pipeline'
    location: 'global'
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnetId
      }
    }
  }
}
