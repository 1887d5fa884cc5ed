// `npm start`. graphql-js and Apollo read NODE_ENV when they load (development checks on every
// value otherwise): it is set before anything imports them, and the subgraphs inherit it.
process.env.NODE_ENV ??= 'production';
await import('./serve.js');
