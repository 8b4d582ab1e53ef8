import express from 'express';
import passport from 'passport';

const app = express();
const requireUser = passport.authenticate('session');
function isAdmin(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if ((req.user as { role?: string } | undefined)?.role === 'admin') next();
  else res.sendStatus(403);
}

app.get('/admin/users', requireUser, isAdmin, (_req, res) => res.json([]));
app.post('/adminusers/:id/delete', requireUser, isAdmin, (_req, res) => res.end());
app.get('/metrics', requireUser, (_req, res) => res.send('requests_total 1'));
