// The least the workloads need, scoped as narrowly as the data allows:
// - the Functions app reads templates and scans, and writes work, results and failed (one assignment per container);
//   it may add to the blob trigger's poison queue on that account and nothing else there;
// - on its host account it has what the Functions host and the Durable task hub need (blobs, queues, tables);
// - both apps publish telemetry to Application Insights with their identities;
// - an optional operator (who uploads forms and scans with `az storage blob upload --auth-mode login`) writes
//   templates and scans and reads results and failed.

param dataAccountName string
param hostAccountName string
param poisonQueueName string
param appInsightsName string
param functionsPrincipalId string
param inferencePrincipalId string
param operatorPrincipalId string

var names = loadJsonContent('../names.json')

// Built-in role definition ids (the same in every tenant).
var role = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  blobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var functionsOnContainers = [
  { container: names.containers.templates, role: role.blobDataReader }
  { container: names.containers.scans, role: role.blobDataReader }
  { container: names.containers.work, role: role.blobDataContributor }
  { container: names.containers.results, role: role.blobDataContributor }
  { container: names.containers.failed, role: role.blobDataContributor }
]

var operatorOnContainers = empty(operatorPrincipalId) ? [] : [
  { container: names.containers.templates, role: role.blobDataContributor }
  { container: names.containers.scans, role: role.blobDataContributor }
  { container: names.containers.results, role: role.blobDataReader }
  { container: names.containers.failed, role: role.blobDataReader }
]

var hostAccountRoles = [role.blobDataOwner, role.queueDataContributor, role.tableDataContributor]

resource data 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: dataAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'
  }

  resource queues 'queueServices' existing = {
    name: 'default'

    resource poison 'queues' existing = {
      name: poisonQueueName
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for name in items(names.containers): {
    parent: data::blobs
    name: name.value
  }
]

resource host 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: hostAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource functionsContainerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in functionsOnContainers: {
    scope: containers[indexOf(map(items(names.containers), c => c.value), grant.container)]
    name: guid(data.id, grant.container, functionsPrincipalId, grant.role)
    properties: {
      principalId: functionsPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.role)
    }
  }
]

resource functionsPoisonQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: data::queues::poison
  name: guid(data.id, poisonQueueName, functionsPrincipalId, role.queueDataContributor)
  properties: {
    principalId: functionsPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.queueDataContributor)
  }
}

resource functionsHostRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for hostRole in hostAccountRoles: {
    scope: host
    name: guid(host.id, functionsPrincipalId, hostRole)
    properties: {
      principalId: functionsPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', hostRole)
    }
  }
]

resource telemetryPublishers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in [functionsPrincipalId, inferencePrincipalId]: {
    scope: appInsights
    name: guid(appInsights.id, principalId, role.monitoringMetricsPublisher)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.monitoringMetricsPublisher)
    }
  }
]

resource operatorContainerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in operatorOnContainers: {
    scope: containers[indexOf(map(items(names.containers), c => c.value), grant.container)]
    name: guid(data.id, grant.container, operatorPrincipalId, grant.role)
    properties: {
      principalId: operatorPrincipalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.role)
    }
  }
]
