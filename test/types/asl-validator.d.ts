// asl-validator ships JavaScript only; this is the part of its API the tests use.
declare module 'asl-validator' {
  export default function aslValidator(definition: unknown): {
    isValid: boolean;
    errors: unknown[];
    errorsText(separator?: string): string;
  };
}
