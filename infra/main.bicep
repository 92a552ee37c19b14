// Pilgi on Azure, in one resource group: the Functions app that runs the durable pipeline (Flex Consumption), its
// storage, the Event Grid source of its blob trigger, the inference service on a GPU profile of Container Apps,
// monitoring, identities and their roles. Container, setting and function names come from names.json, which the
// tests hold to the code. How to deploy: README.md beside this file.

targetScope = 'resourceGroup'

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Start of every resource name: lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'pilgi'

@description('The inference service\'s image (src/Pilgi.InferenceServer), e.g. myregistry.azurecr.io/pilgi-inference:1.0.')
param inferenceImage string

@description('Azure Container Registry that holds the image, pulled with the service\'s identity; empty for a public image.')
param registryName string = ''

@description('Resource group of that registry.')
param registryResourceGroupName string = resourceGroup().name

@description('GPU workload profile of the inference service: serverless (Consumption-GPU-*) or dedicated (NC24-A100).')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
  'NC24-A100'
])
param inferenceGpuProfile string = 'Consumption-GPU-NC8as-T4'

@description('Run the inference service on the CPU Consumption profile instead (no GPU quota needed; slower).')
param inferenceOnCpu bool = false

@description('Nodes of a dedicated GPU profile at most.')
@minValue(1)
param inferenceGpuMaxNodes int = 1

@minValue(0)
param inferenceMinReplicas int = 0

@minValue(1)
param inferenceMaxReplicas int = 2

@description('Requests one inference replica takes at once before another starts; keep host.json maxConcurrentActivityFunctions × Functions instances near maxReplicas × this.')
@minValue(1)
param inferenceConcurrentRequests int = 8

param inferencePort int = 8080

param inferenceHealthPath string = '/health'

@description('Memory of one Functions instance (MB); activities decode and register pages, 4096 leaves room for four at once.')
@allowed([
  512
  2048
  4096
])
param functionsInstanceMemoryMB int = 4096

@minValue(1)
param functionsMaxInstances int = 20

@description('Create the Event Grid subscription of the blob trigger: only once the Functions app\'s code is deployed (README.md, step 3).')
param subscribeScanUploads bool = false

@description('Who may upload templates and scans and read results (az storage blob ... --auth-mode login); empty for nobody.')
param operatorPrincipalId string = deployer().objectId

@minValue(30)
param logRetentionDays int = 30

param vnetAddressPrefix string = '10.40.0.0/16'
param functionsSubnetPrefix string = '10.40.0.0/24'
param inferenceSubnetPrefix string = '10.40.2.0/23'

param tags object = {
  app: 'pilgi'
}

var names = loadJsonContent('names.json')
var prefix = toLower(namePrefix)
var token = uniqueString(resourceGroup().id, prefix)

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    location: location
    functionsIdentityName: '${prefix}-functions-id'
    inferenceIdentityName: '${prefix}-inference-id'
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${prefix}-logs-${token}'
    appInsightsName: '${prefix}-appi-${token}'
    retentionDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    dataAccountName: take('${prefix}data${token}', 24)
    hostAccountName: take('${prefix}host${token}', 24)
    deploymentContainerName: 'app-package'
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    dataAccountName: storage.outputs.dataAccountName
    hostAccountName: storage.outputs.hostAccountName
    poisonQueueName: storage.outputs.poisonQueueName
    appInsightsName: monitoring.outputs.appInsightsName
    functionsPrincipalId: identities.outputs.functionsPrincipalId
    inferencePrincipalId: identities.outputs.inferencePrincipalId
    operatorPrincipalId: operatorPrincipalId
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    vnetName: '${prefix}-vnet-${token}'
    addressPrefix: vnetAddressPrefix
    functionsSubnetPrefix: functionsSubnetPrefix
    inferenceSubnetPrefix: inferenceSubnetPrefix
    tags: tags
  }
}

module registryPull 'modules/registryPull.bicep' = if (!empty(registryName)) {
  name: 'registry-pull'
  scope: resourceGroup(registryResourceGroupName)
  params: {
    registryName: registryName
    principalId: identities.outputs.inferencePrincipalId
  }
}

module inference 'modules/inference.bicep' = {
  name: 'inference'
  params: {
    location: location
    environmentName: '${prefix}-cae-${token}'
    appName: '${prefix}-inference'
    subnetId: network.outputs.inferenceSubnetId
    workspaceId: monitoring.outputs.workspaceId
    gpuProfileType: inferenceGpuProfile
    onCpu: inferenceOnCpu
    gpuMaxNodes: inferenceGpuMaxNodes
    image: inferenceImage
    registryServer: empty(registryName) ? '' : '${registryName}${environment().suffixes.acrLoginServer}'
    identityId: identities.outputs.inferenceId
    identityClientId: identities.outputs.inferenceClientId
    appInsightsConnectionString: monitoring.outputs.connectionString
    minReplicas: inferenceMinReplicas
    maxReplicas: inferenceMaxReplicas
    concurrentRequests: inferenceConcurrentRequests
    targetPort: inferencePort
    healthPath: inferenceHealthPath
    tags: tags
  }
  dependsOn: [
    registryPull
  ]
}

module inferenceDns 'modules/inferenceDns.bicep' = {
  name: 'inference-dns'
  params: {
    environmentDomain: inference.outputs.environmentDomain
    environmentStaticIp: inference.outputs.environmentStaticIp
    vnetId: network.outputs.vnetId
    tags: tags
  }
}

module completionEvents 'modules/completionEvents.bicep' = {
  name: 'completion-events'
  params: {
    location: location
    topicName: '${prefix}-events-${token}'
    dataAccountName: storage.outputs.dataAccountName
    functionsPrincipalId: identities.outputs.functionsPrincipalId
    tags: tags
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    location: location
    planName: '${prefix}-plan-${token}'
    appName: '${prefix}-func-${token}'
    identityId: identities.outputs.functionsId
    identityClientId: identities.outputs.functionsClientId
    hostAccountName: storage.outputs.hostAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    dataBlobEndpoint: storage.outputs.dataBlobEndpoint
    dataQueueEndpoint: storage.outputs.dataQueueEndpoint
    subnetId: network.outputs.functionsSubnetId
    appInsightsConnectionString: monitoring.outputs.connectionString
    inferenceUrl: inference.outputs.url
    eventsTopicEndpoint: completionEvents.outputs.topicEndpoint
    instanceMemoryMB: functionsInstanceMemoryMB
    maximumInstanceCount: functionsMaxInstances
    tags: tags
  }
  // the host must reach its storage when it first starts
  dependsOn: [
    roles
  ]
}

module scanEvents 'modules/scanEvents.bicep' = {
  name: 'scan-upload-events'
  params: {
    location: location
    topicName: '${prefix}-scans-${token}'
    dataAccountId: storage.outputs.dataAccountId
    subscribe: subscribeScanUploads
    functionAppName: functionApp.outputs.name
    tags: tags
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output healthUrl string = '${functionApp.outputs.url}/api/health'
output scanStatusUrl string = '${functionApp.outputs.url}/api/${names.containers.scans}/<templateId>/<path>'
output dataStorageAccount string = storage.outputs.dataAccountName
output dataBlobEndpoint string = storage.outputs.dataBlobEndpoint
output inferenceUrl string = inference.outputs.url
output inferenceProfile string = inferenceOnCpu ? 'Consumption' : inferenceGpuProfile
output appInsightsName string = monitoring.outputs.appInsightsName
output scanEventsTopic string = scanEvents.outputs.topicName
output scanUploadsSubscribed bool = subscribeScanUploads
output completionEventsTopic string = completionEvents.outputs.topicName
output completionEventsEndpoint string = completionEvents.outputs.topicEndpoint
output completionEventsQueue string = completionEvents.outputs.queueName
