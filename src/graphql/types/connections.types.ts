import { Directive, ObjectType } from "type-graphql";
import { ENTITY_CACHE_HINT } from "../federation/cache-control.directive.js";
import { AssetVersion } from "./asset-version.type.js";
import { Connection } from "./connection.type.js";
import { Context, TypedContext } from "./context.type.js";
import { Project } from "./project.type.js";
import { Task } from "./typed-context.types.js";
import { User } from "./user.type.js";

@Directive(ENTITY_CACHE_HINT)
@ObjectType("ProjectConnection")
export class ProjectConnection extends Connection<Project>(() => Project) {}

@Directive(ENTITY_CACHE_HINT)
@ObjectType("ContextConnection")
export class ContextConnection extends Connection<Context>(() => Context) {}

@Directive(ENTITY_CACHE_HINT)
@ObjectType("TypedContextConnection")
export class TypedContextConnection extends Connection<TypedContext>(() => TypedContext) {}

@Directive(ENTITY_CACHE_HINT)
@ObjectType("TaskConnection")
export class TaskConnection extends Connection<Task>(() => Task) {}

@Directive(ENTITY_CACHE_HINT)
@ObjectType("AssetVersionConnection")
export class AssetVersionConnection extends Connection<AssetVersion>(() => AssetVersion) {}

@Directive(ENTITY_CACHE_HINT)
@ObjectType("UserConnection")
export class UserConnection extends Connection<User>(() => User) {}
