// One virtual network: the Functions app's outbound traffic goes through it (Flex Consumption VNet integration),
// and the inference service's Container Apps environment lives in it with internal ingress only, so the service is
// reachable from the pipeline and not from the internet. Both subnets are delegated to Microsoft.App/environments
// (what Flex Consumption and workload-profile environments each require).

param location string
param vnetName string
param addressPrefix string
param functionsSubnetPrefix string
param inferenceSubnetPrefix string
param tags object

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'functions'
        properties: {
          addressPrefix: functionsSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'inference'
        properties: {
          addressPrefix: inferenceSubnetPrefix
          delegations: [
            {
              name: 'container-apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output functionsSubnetId string = vnet.properties.subnets[0].id
output inferenceSubnetId string = vnet.properties.subnets[1].id
