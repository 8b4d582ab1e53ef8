import { Project, Node, SyntaxKind } from 'ts-morph';
const p = new Project({ compilerOptions: { allowJs: true, checkJs: false } });
p.addSourceFilesAtPaths('/tmp/sb-corpus/dvna/**/*.js');
const sf = p.getSourceFileOrThrow('/tmp/sb-corpus/dvna/server.js');
for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => c.getExpression().getText().startsWith("require('./routes"))) {
  const callee = call.getExpression();
  console.log(callee.getText(), callee.getType().getCallSignatures().map((s) => s.getDeclaration()?.getKindName()));
  if (Node.isCallExpression(callee)) { const lit = callee.getArguments()[0]; console.log('sym', lit?.getSymbol()?.getDeclarations()[0]?.getKindName()); }
}
