import express from 'express';
import crypto from 'node:crypto';

declare const users: { findByEmail(email: string): Promise<{ id: string; email: string } | undefined>; saveResetToken(id: string, tokenHash: string): Promise<void> };
declare function mail(to: string, link: string): Promise<void>;

const app = express();
app.use(express.json());

app.post('/password/forgot', async (req, res) => {
  const user = await users.findByEmail(String(req.body.email));
  if (user) {
    const resetToken = crypto.randomBytes(32).toString('base64url');
    const resetTokenHash = crypto.createHash('sha256').update(resetToken).digest('hex');
    await users.saveResetToken(user.id, resetTokenHash);
    await mail(user.email, `https://example.com/reset?token=${resetToken}`);
  }
  res.json({ message: 'if this address has an account, a link is on its way' });
});
