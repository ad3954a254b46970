declare module 'virtual:backstory-pack' {
  const pack: import('./pack').CompiledPack;
  export default pack;
}

declare module 'virtual:backstory-pack-json' {
  const texts: import('./pack-global').PackTexts;
  export default texts;
}
