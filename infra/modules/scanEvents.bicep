// The Event Grid source of the blob trigger (Flex Consumption runs no polling blob trigger): a system topic on the
// data account and, once the app's code is deployed, a subscription that sends BlobCreated under scans/ to the blobs
// extension's webhook. The subscription needs the extension's system key, which exists only after the host has
// started with the blob trigger: hence the separate switch (see infra/README.md).

param location string
param topicName string
param dataAccountId string
param subscribe bool
param functionAppName string
param tags object

var names = loadJsonContent('../names.json')

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  properties: {
    source: dataAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource scanUploads 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscribe) {
  parent: topic
  name: 'scan-uploads'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${names.functions.scanUploaded}&code=${listKeys('${functionApp.id}/host/default', '2025-03-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${names.containers.scans}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output topicName string = topic.name
