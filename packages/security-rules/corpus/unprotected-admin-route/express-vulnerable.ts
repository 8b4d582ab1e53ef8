import express from 'express';
import passport from 'passport';

const app = express();
const requireUser = passport.authenticate('session');

app.get('/admin/users', requireUser, (_req, res) => res.json([])); // expect: unprotected-admin-route
app.post('/adminusers/:id/delete', requireUser, (_req, res) => res.end()); // expect: unprotected-admin-route
app.get('/metrics', (_req, res) => res.send('requests_total 1')); // expect: unprotected-admin-route
