// Types for the parts of Framework's client library that our components import (Framework ships none).
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    name: string;
    href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<any>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
  export function resize<T extends Node>(render: (width: number, height: number) => T | Promise<T>): HTMLElement;
}
