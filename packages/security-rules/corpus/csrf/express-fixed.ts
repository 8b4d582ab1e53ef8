import express from 'express';
import session from 'express-session';
import { doubleCsrf } from 'csrf-csrf';

const app = express();
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET ?? '' });
app.use(session({ secret: process.env.SESSION_SECRET ?? '', resave: false, saveUninitialized: false }));
app.use(doubleCsrfProtection);
app.post('/account/email', (req, res) => res.json({ email: req.body.email }));
