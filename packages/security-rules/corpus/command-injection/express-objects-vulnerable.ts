import express from 'express';
import { exec } from 'node:child_process';

const app = express();
app.use(express.json());

class BackupJob {
  constructor(private readonly target: string) {}
  run(): void {
    exec(`tar czf /backups/${this.target}.tgz /data`); // expect: command-injection
  }
}

class Converter {
  private format = 'png';
  configure(format: string): void {
    this.format = format;
  }
  convert(file: string): void {
    exec(`convert ${file} out.${this.format}`); // expect: command-injection
  }
}

function withField(req: express.Request, name: string, use: (value: string) => void): void {
  use(req.body[name]);
}

app.post('/backup', (req, res) => {
  new BackupJob(req.body.target).run();
  res.end();
});

app.post('/convert', (req, res) => {
  const c = new Converter();
  c.configure(req.body.format);
  c.convert('in.jpg');
  res.end();
});

app.post('/ping', (req, res) => {
  withField(req, 'host', (host) => exec('ping -c 1 ' + host)); // expect: command-injection
  res.end();
});
