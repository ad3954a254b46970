declare module 'virtual:backstory-pack' {
  const pack: import('./pack').CompiledPack;
  export default pack;
}

declare module 'virtual:backstory-pack-json' {
  const json: string;
  export default json;
}
