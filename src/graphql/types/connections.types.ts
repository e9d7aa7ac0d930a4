import { ObjectType } from "type-graphql";
import { AssetVersion } from "./asset-version.type.js";
import { Connection } from "./connection.type.js";
import { Context, TypedContext } from "./context.type.js";
import { Project } from "./project.type.js";
import { Task } from "./typed-context.types.js";
import { User } from "./user.type.js";

@ObjectType("ProjectConnection")
export class ProjectConnection extends Connection<Project>(() => Project) {}

@ObjectType("ContextConnection")
export class ContextConnection extends Connection<Context>(() => Context) {}

@ObjectType("TypedContextConnection")
export class TypedContextConnection extends Connection<TypedContext>(() => TypedContext) {}

@ObjectType("TaskConnection")
export class TaskConnection extends Connection<Task>(() => Task) {}

@ObjectType("AssetVersionConnection")
export class AssetVersionConnection extends Connection<AssetVersion>(() => AssetVersion) {}

@ObjectType("UserConnection")
export class UserConnection extends Connection<User>(() => User) {}
