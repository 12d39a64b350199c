/**
 * What a value becomes once sent as JSON and parsed again: a `Date` arrives as its ISO string,
 * functions disappear, and everything else keeps its shape. The client reads every REST payload
 * as `Json<View>`, so a view built with `Date` fields is not mistaken for one carrying dates.
 */
export type Json<T> = T extends Date
  ? string
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/** `true` when `T` survives JSON unchanged (no `Date` anywhere in it). */
export type IsJson<T> = [T] extends [Json<T>] ? true : false;
