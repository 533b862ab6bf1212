// The form of api-shapes.generated.ts (written by scripts/generate-api-shapes.js from the jsii
// assembly): what TypeScript knows about the public API's parameters, kept for run time.

/** A jsii type: a primitive, a collection, a union, or a named type of the `types` table. */
export type TypeRef =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | 'json'
  | 'date'
  | { readonly array: TypeRef }
  | { readonly map: TypeRef }
  | { readonly union: readonly TypeRef[] }
  | { readonly ref: string };

/** One parameter of a constructor, factory or method. */
export interface ParamShape {
  readonly name: string;
  readonly type: TypeRef;
  readonly optional?: boolean;
  readonly variadic?: boolean;
}

/** A struct (props interface): its own fields, and the structs it extends (their fields are its too). */
export interface StructShape {
  readonly kind: 'struct';
  readonly extends?: readonly string[];
  readonly fields: { readonly [name: string]: { readonly type: TypeRef; readonly optional?: boolean } };
}

/** Where a class or enum is exported at run time: a module below lib/ (ours) or a package (cdktf, constructs). */
export type ClassModule = { readonly lib: string; readonly name: string } | { readonly package: string; readonly name: string };

/** A class: where to find it (for instanceof), and the constructors and factories that make one. */
export interface ClassShape {
  readonly kind: 'class';
  readonly module: ClassModule;
  readonly makers: readonly string[];
}

/** A (behavioural) interface: the properties an implementation has, and what makes one. */
export interface InterfaceShape {
  readonly kind: 'interface';
  readonly required: readonly string[];
  readonly makers: readonly string[];
}

/** An enum: where it is exported and its member names. */
export interface EnumShape {
  readonly kind: 'enum';
  readonly module: ClassModule;
  readonly members: readonly string[];
}

export type NamedShape = StructShape | ClassShape | InterfaceShape | EnumShape;

export interface ApiShapes {
  /** `new Class`, `Class.staticMethod` or `Class#method` -> its parameters. */
  readonly members: { readonly [member: string]: readonly ParamShape[] };
  readonly types: { readonly [name: string]: NamedShape };
}
