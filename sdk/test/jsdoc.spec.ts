import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { ErrorCode } from '../../src/common/app-error';

const SRC_DIR = join(__dirname, '..', 'src');
// The GraphQL result, input and enum types carry the schema's descriptions where it has them.
// Their documentation belongs to the schema, so this test does not require it of each one.
const SCHEMA_TYPES_FILE = join(SRC_DIR, 'generated', 'graphql.ts');

/** Loads the public entry point with the TypeScript compiler, as a consumer's editor does. */
function loadEntryPoint(): { checker: ts.TypeChecker; exports: ts.Symbol[] } {
  const program = ts.createProgram([join(SRC_DIR, 'index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['node'],
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(join(SRC_DIR, 'index.ts'))!;

  return { checker, exports: checker.getExportsOfModule(checker.getSymbolAtLocation(entry)!) };
}

function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function declaredIn(symbol: ts.Symbol): string[] {
  return (symbol.declarations ?? []).map((declaration) => declaration.getSourceFile().fileName);
}

function isOwnCode(file: string): boolean {
  const path = relative(SRC_DIR, file);

  return !path.startsWith('..') && file !== SCHEMA_TYPES_FILE;
}

function isPublicMember(declaration: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(declaration);

  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

function hasDocs(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim().length > 0;
}

/** Returns the public members that a reader sees on an exported class or interface. */
function members(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol[] {
  if (!(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) {
    return [];
  }
  const instance = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
  const statics = symbol.flags & ts.SymbolFlags.Class ? [...(symbol.exports?.values() ?? [])] : [];
  const constructors = symbol.members?.get(ts.InternalSymbolName.Constructor);

  return [...instance, ...statics, ...(constructors ? [constructors] : [])].filter(
    (member) =>
      member.name !== 'prototype' &&
      (member.declarations ?? []).some(
        (declaration) =>
          isOwnCode(declaration.getSourceFile().fileName) && isPublicMember(declaration),
      ),
  );
}

describe('JSDoc on the public surface of @hilink/sdk', () => {
  const { checker, exports } = loadEntryPoint();

  it('documents every exported declaration and its public members', () => {
    const undocumented: string[] = [];
    for (const exported of exports) {
      const symbol = resolve(checker, exported);
      if (!declaredIn(symbol).some(isOwnCode)) {
        continue;
      }
      const where = relative(SRC_DIR, declaredIn(symbol)[0]!).split(sep).join('/');
      if (!hasDocs(checker, symbol)) {
        undocumented.push(`${where}: ${exported.name}`);
      }
      for (const member of members(checker, symbol)) {
        if (!hasDocs(checker, member)) {
          undocumented.push(`${where}: ${exported.name}.${member.name}`);
        }
      }
    }

    expect(undocumented).toEqual([]);
  });

  it('documents every generated operation method of HiLinkClient', () => {
    const client = resolve(
      checker,
      exports.find((symbol) => symbol.name === 'HiLinkClient')!,
    );
    const methods = members(checker, client);

    expect(methods.length).toBeGreaterThan(100);
    expect(
      methods.filter((method) => !hasDocs(checker, method)).map((method) => method.name),
    ).toEqual([]);
  });

  it("lists and explains each of the API's error codes in HiLinkErrorCode", () => {
    const codeType = resolve(
      checker,
      exports.find((symbol) => symbol.name === 'HiLinkErrorCode')!,
    );
    const union = checker.getDeclaredTypeOfSymbol(codeType) as ts.UnionType;
    const codes = union.types.map((type) => (type as ts.StringLiteralType).value);
    const docs = ts.displayPartsToString(codeType.getDocumentationComment(checker));

    expect(codes).toEqual(expect.arrayContaining(Object.values(ErrorCode)));
    expect(codes.filter((code) => !docs.includes(`\`${code}\`:`))).toEqual([]);
  });
});
