// The inference service (src/Pilgi.InferenceServer's image) on Azure Container Apps: a workload-profile environment
// in the virtual network with internal ingress, a GPU profile for the service (serverless or dedicated), or the
// Consumption (CPU) profile when onCpu is set, e.g. where GPU quota is not granted yet.

param location string
param environmentName string
param appName string
param subnetId string
param workspaceId string
param gpuProfileType string
param onCpu bool
@description('Nodes of a dedicated GPU profile at most (serverless GPU profiles have no node count).')
param gpuMaxNodes int
param image string
@description('Registry server the image is pulled from with the app\'s identity (AcrPull); empty for a public image.')
param registryServer string
param identityId string
param identityClientId string
param appInsightsConnectionString string
param cpu int?
param memory string?
param minReplicas int
param maxReplicas int
@description('HTTP requests one replica serves at once before another is added: the service batches them.')
param concurrentRequests int
param targetPort int
param healthPath string
param tags object

var names = loadJsonContent('../names.json')

// What one replica of the service may use on each profile (a replica of a serverless GPU profile gets the whole GPU).
var sizes = {
  'Consumption-GPU-NC8as-T4': { serverless: true, cpu: 8, memory: '56Gi' }
  'Consumption-GPU-NC24-A100': { serverless: true, cpu: 24, memory: '220Gi' }
  'NC24-A100': { serverless: false, cpu: 16, memory: '128Gi' }
  Consumption: { serverless: true, cpu: 4, memory: '8Gi' }
}
var profileName = onCpu ? 'Consumption' : 'gpu'
var size = sizes[onCpu ? 'Consumption' : gpuProfileType]
var gpuProfile = sizes[gpuProfileType].serverless
  ? { name: 'gpu', workloadProfileType: gpuProfileType }
  : { name: 'gpu', workloadProfileType: gpuProfileType, minimumCount: 0, maximumCount: gpuMaxNodes }

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    workloadProfiles: concat([{ name: 'Consumption', workloadProfileType: 'Consumption' }], onCpu ? [] : [gpuProfile])
    vnetConfiguration: {
      infrastructureSubnetId: subnetId
      internal: true
    }
    // logs go through the diagnostic setting below (no workspace key in the environment)
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: environment
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: profileName
    configuration: {
      activeRevisionsMode: 'Single'
      // "external" in an internal environment: reachable from the virtual network (the Functions app), not the internet
      ingress: {
        external: true
        targetPort: targetPort
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'inference'
          image: image
          resources: {
            cpu: cpu ?? size.cpu
            memory: memory ?? size.memory
          }
          env: [
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: names.settings.appInsightsConnectionString, value: appInsightsConnectionString }
            { name: names.settings.appInsightsAuthentication, value: 'ClientId=${identityClientId};Authorization=AAD' }
            { name: 'OTEL_SERVICE_NAME', value: appName }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: healthPath
                port: targetPort
              }
              periodSeconds: 10
              failureThreshold: 30 // models load before the service answers
            }
            {
              type: 'Readiness'
              httpGet: {
                path: healthPath
                port: targetPort
              }
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

output url string = 'https://${app.properties.configuration.ingress.fqdn}'
output environmentDomain string = environment.properties.defaultDomain
output environmentStaticIp string = environment.properties.staticIp
output profileName string = profileName
