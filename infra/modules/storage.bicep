// Two storage accounts, both reached only through Entra ID (shared keys off):
// - data: the pipeline's containers (names.json) and the blob trigger's poison queue; its roles can be scoped to
//   single containers, which is why the Functions host's own storage lives apart;
// - host: AzureWebJobsStorage (host leases and keys, the Durable task hub's queues, tables and large messages) and
//   the Flex Consumption deployment package.

param location string
param dataAccountName string
param hostAccountName string
param deploymentContainerName string
param tags object

var names = loadJsonContent('../names.json')

// What the blob extension names the queue it moves a scan's message to after poisonBlobThreshold failures: on the
// account of the trigger's connection (names.connections.data).
var poisonQueueName = 'webjobs-blobtrigger-poison'

var accountProperties = {
  allowSharedKeyAccess: false
  allowBlobPublicAccess: false
  defaultToOAuthAuthentication: true
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  publicNetworkAccess: 'Enabled'
  networkAcls: {
    defaultAction: 'Allow'
    bypass: 'AzureServices'
  }
}

resource data 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: accountProperties

  resource blobs 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [
      for container in items(names.containers): {
        name: container.value
      }
    ]
  }

  resource queues 'queueServices' = {
    name: 'default'

    resource poison 'queues' = {
      name: poisonQueueName
    }
  }
}

resource host 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: hostAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: accountProperties

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }
}

output dataAccountName string = data.name
output dataAccountId string = data.id
output dataBlobEndpoint string = data.properties.primaryEndpoints.blob
output dataQueueEndpoint string = data.properties.primaryEndpoints.queue
output poisonQueueName string = poisonQueueName
output hostAccountName string = host.name
output hostAccountId string = host.id
output deploymentContainerUrl string = '${host.properties.primaryEndpoints.blob}${deploymentContainerName}'
