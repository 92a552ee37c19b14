// One user-assigned identity per workload, so that each gets only its own role assignments.

param location string
param functionsIdentityName string
param inferenceIdentityName string
param tags object

resource functions 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: functionsIdentityName
  location: location
  tags: tags
}

resource inference 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: inferenceIdentityName
  location: location
  tags: tags
}

output functionsId string = functions.id
output functionsClientId string = functions.properties.clientId
output functionsPrincipalId string = functions.properties.principalId
output inferenceId string = inference.id
output inferenceClientId string = inference.properties.clientId
output inferencePrincipalId string = inference.properties.principalId
