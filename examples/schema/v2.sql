-- A small task tracker, version 2: what the team wants next. Nothing here loses data, so
-- `sb db diff --from examples/schema/v1.sql --compare examples/schema/v2.sql` writes without --allow-destructive.

create type task_status as enum ('todo', 'doing', 'blocked', 'done');

create table organizations (
  id bigint generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table users (
  id bigint generated always as identity primary key,
  email text not null unique,
  full_name text,
  display_name text,
  created_at timestamptz not null default now()
);

comment on column users.display_name is 'Shown in the UI; falls back to full_name.';

create table memberships (
  organization_id bigint not null references organizations (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  primary key (organization_id, user_id)
);

create table projects (
  id bigint generated always as identity primary key,
  organization_id bigint not null references organizations (id) on delete cascade,
  name text not null,
  slug text not null,
  archived boolean not null default false,
  unique (organization_id, slug)
);

create table tasks (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id) on delete cascade,
  title text not null,
  status task_status not null default 'todo',
  assignee_id bigint references users (id) on delete set null,
  due_date date,
  estimate_hours numeric(6,2) check (estimate_hours >= 0),
  created_at timestamptz not null default now()
);

create index tasks_project_id_idx on tasks (project_id);
create index tasks_assignee_open_idx on tasks (assignee_id) where status <> 'done';

create table comments (
  id bigint generated always as identity primary key,
  task_id bigint not null references tasks (id) on delete cascade,
  author_id bigint references users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);

create index comments_task_id_idx on comments (task_id);

create table tags (
  id serial primary key,
  organization_id bigint not null references organizations (id) on delete cascade,
  name text not null,
  unique (organization_id, name)
);

create table task_tags (
  task_id bigint not null references tasks (id) on delete cascade,
  tag_id integer not null references tags (id) on delete cascade,
  primary key (task_id, tag_id)
);

create table attachments (
  id bigint generated always as identity primary key,
  task_id bigint not null references tasks (id) on delete cascade,
  file_name text not null,
  size_bytes bigint not null
);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint references users (id) on delete set null,
  action text not null,
  at timestamptz not null default now()
);

create table notifications (
  id bigint generated always as identity primary key,
  user_id bigint not null references users (id) on delete cascade,
  task_id bigint references tasks (id) on delete cascade,
  read_at timestamptz,
  created_at timestamptz not null default now()
);

create index notifications_unread_idx on notifications (user_id) where read_at is null;

create view open_tasks as
  select t.id, t.title, t.status, t.due_date, p.name as project
  from tasks t join projects p on p.id = t.project_id
  where t.status <> 'done';
