export { createHubClient, HubRequestError, PURPOSE_HEADER, type HubClient, type HubClientOptions, type HubGraphQLError, type RequestOptions } from './hub-client.js';
// The contract's operations as typed documents (RegionDocument …) and their result and variable types.
export * from './generated/graphql.js';
