// Cases the property test once broke, kept as fixed cases (see hostile.test.ts). Add each new counterexample
// `npm run fuzz` prints here, reduced by hand to what breaks, with the seed that found it.
import { fixedCase, type HostileCase } from "./hostile.ts";

export const REGRESSIONS: Record<string, HostileCase> = {
  // seed 42, path "1": an image path "%" made the images rule throw "URI malformed" (an internal
  // error instead of a finding). Validator side: fixed by the image decoding at validation (issue 11).
  "image path %": fixedCase((_site, files) => {
    files["exemplars/2019/co-giao-nguyen-thi-mai.md"]!.data.image.src = "%";
  }),
};
