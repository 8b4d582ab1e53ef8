import express from 'express';
import passport from 'passport';

const app = express();
const requireUser = passport.authenticate('jwt', { session: false });

app.post('/posts', requireUser, (_req, res) => res.status(201).end());
app.delete('/posts/:id', (_req, res) => res.status(204).end()); // expect: missing-auth
app.put('/users/:id/role', (_req, res) => res.status(204).end()); // expect: missing-auth
// Reading an e-mail from the body does not make a route on a resource public.
app.put('/users/:id/email', (req, res) => res.json({ email: req.body.email })); // expect: missing-auth
