// The server entry: created once by sb scaffold, yours to change.
import { createApp } from './app.gen.js';
import { authenticate } from './auth.js';

const port = Number(process.env['PORT'] ?? 3000);
const app = createApp({ authenticate, onError: (err, requestId) => console.error(requestId, err) });
app.listen({ port, host: '127.0.0.1' }).then((address) => console.log('listening on ' + address));
