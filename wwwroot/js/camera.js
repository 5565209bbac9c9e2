// The browser camera, shared by enrollment capture and live recognition.

// Opens a camera on <video>; returns the stream, the frame size it delivers and every camera on the machine.
export async function openCamera(video, { deviceId, width = 640, height = 480 } = {}) {
  const size = { width: { ideal: width }, height: { ideal: height } };
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: deviceId ? { deviceId: { exact: deviceId }, ...size } : size,
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const cameras = (await navigator.mediaDevices.enumerateDevices())
    .filter(d => d.kind === 'videoinput')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `Camera ${i + 1}` }));
  return { stream, width: video.videoWidth, height: video.videoHeight, cameras };
}

export function closeCamera(video, stream) {
  stream?.getTracks().forEach(t => t.stop());
  video.srcObject = null;
}

// The current video frame as a JPEG Blob, scaled to `width` pixels wide (the camera's own width when omitted).
export function grabJpeg(video, quality, width, canvas = document.createElement('canvas')) {
  const scale = width ? width / video.videoWidth : 1;
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(b => (b ? resolve(b) : reject(new Error('Could not encode the frame.'))), 'image/jpeg', quality));
}
