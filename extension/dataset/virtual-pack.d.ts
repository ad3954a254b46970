declare module 'virtual:backstory-pack' {
  const pack: import('./pack').CompiledPack;
  export default pack;
}
