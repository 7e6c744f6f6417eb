// Moved out of media/upload.jte: the Content-Security-Policy allows scripts from /assets only.
document.getElementById('upload-form').addEventListener('submit', function () {
  document.getElementById('uploading').hidden = false;
});
