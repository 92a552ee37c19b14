// Completion events (README "Completion events"): the Functions app publishes a CloudEvent when a scan ends to a custom
// topic with the CloudEvents 1.0 input schema, with its own identity (EventGrid Data Sender on this topic, no access
// keys). An example subscription delivers every event to the queue scan-events on the data account, as the local host
// writes them, with the topic's system identity (Storage Queue Data Message Sender on that queue only); document
// systems add subscriptions of their own (webhook, Service Bus, Event Hubs) filtered on the event types.

param location string
param topicName string
param dataAccountName string
param functionsPrincipalId string
param tags object

var names = loadJsonContent('../names.json')

// Built-in role definition ids (the same in every tenant).
var role = {
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7'
  queueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    publicNetworkAccess: 'Enabled'
    // Entra ID only: publishers need the data-sender role
    disableLocalAuth: true
  }
}

resource functionsPublish 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: topic
  name: guid(topic.id, functionsPrincipalId, role.eventGridDataSender)
  properties: {
    principalId: functionsPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.eventGridDataSender)
  }
}

resource data 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: dataAccountName

  resource queues 'queueServices' existing = {
    name: 'default'
  }
}

resource eventQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = {
  parent: data::queues
  name: names.queues.scanEvents
}

resource topicToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: eventQueue
  name: guid(eventQueue.id, topic.id, role.queueDataMessageSender)
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.queueDataMessageSender)
  }
}

resource toQueue 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: '${names.queues.scanEvents}-queue'
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: data.id
          queueName: eventQueue.name
          // kept until read (the default is 7 days)
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    filter: {
      includedEventTypes: [
        names.events.completed
        names.events.failed
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
  // the topic's identity must be allowed to send before the subscription is validated
  dependsOn: [
    topicToQueue
  ]
}

output topicName string = topic.name
output topicEndpoint string = topic.properties.endpoint
output queueName string = eventQueue.name
