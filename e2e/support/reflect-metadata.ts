// Test files load type-graphql and MikroORM classes without a service's main.ts, which loads this polyfill first.
import 'reflect-metadata';
