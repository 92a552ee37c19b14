// The Functions app (src/Pilgi.Functions, .NET 10 isolated) on Flex Consumption. Every connection is identity-based
// with the app's user-assigned identity: no account key or secret is in its settings.

param location string
param planName string
param appName string
param identityId string
param identityClientId string
param hostAccountName string
param deploymentContainerUrl string
param dataBlobEndpoint string
param dataQueueEndpoint string
param subnetId string
param appInsightsConnectionString string
param inferenceUrl string
param eventsTopicEndpoint string
param instanceMemoryMB int
param maximumInstanceCount int
param tags object

var names = loadJsonContent('../names.json')

// "Pilgi:Inference" as an app setting's prefix: "Pilgi__Inference__"
var inferencePrefix = '${replace(names.settings.inferenceSection, ':', '__')}__'
var eventsPrefix = '${replace(names.settings.eventsSection, ':', '__')}__'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: subnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // the host's own storage, which also keeps the Durable task hub (host.json: connectionName)
      '${names.connections.host}__accountName': hostAccountName
      '${names.connections.host}__credential': 'managedidentity'
      '${names.connections.host}__clientId': identityClientId
      // the pipeline's containers; the blob trigger's poison queue is on the same account
      '${names.connections.data}__blobServiceUri': dataBlobEndpoint
      '${names.connections.data}__queueServiceUri': dataQueueEndpoint
      '${names.connections.data}__credential': 'managedidentity'
      '${names.connections.data}__clientId': identityClientId
      '${names.settings.appInsightsConnectionString}': appInsightsConnectionString
      '${names.settings.appInsightsAuthentication}': 'ClientId=${identityClientId};Authorization=AAD'
      '${inferencePrefix}${names.settings.inferenceMode}': names.settings.inferenceRemoteMode
      '${inferencePrefix}${names.settings.inferenceUrl}': inferenceUrl
      // completion events: to the Event Grid topic with the app's identity; the source names this deployment
      '${eventsPrefix}${names.settings.eventsSink}': names.settings.eventsEventGridSink
      '${eventsPrefix}${names.settings.eventsTopicEndpoint}': eventsTopicEndpoint
      '${eventsPrefix}${names.settings.eventsSource}': 'https://${app.properties.defaultHostName}'
      '${eventsPrefix}credential': 'managedidentity'
      '${eventsPrefix}clientId': identityClientId
    }
  }
}

output name string = app.name
output id string = app.id
output url string = 'https://${app.properties.defaultHostName}'
