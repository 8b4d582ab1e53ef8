// The server entry: created once by sb scaffold, yours to change.
import { createApp } from './app.gen.js';
import { authenticate } from './auth.js';

const port = Number(process.env['PORT'] ?? 3000);
createApp({ authenticate, onError: (err, requestId) => console.error(requestId, err) }).listen(port, '127.0.0.1', () => {
  console.log('listening on http://127.0.0.1:' + port);
});
