// Vite inlines a clip file as a base64 data URL (the pages' CSP allows no fetch of data: or blob:).
declare module '*.bin?inline' {
  const dataUrl: string;
  export default dataUrl;
}
