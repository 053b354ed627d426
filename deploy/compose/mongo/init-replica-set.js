// Run once by the compose service `mongo-init` (mongosh): initiates the replica set `rs0` of mongo1..3, or finds it
// initiated on a later start, and waits until it has a primary, so the services, which start only after this job
// succeeded, find a writable store.
const replicaSet = {
  _id: 'rs0',
  members: [
    { _id: 0, host: 'mongo1:27017' },
    { _id: 1, host: 'mongo2:27017' },
    { _id: 2, host: 'mongo3:27017' },
  ],
};

try {
  rs.status();
  print(`replica set ${replicaSet._id} was already initiated`);
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate(replicaSet);
  print(`replica set ${replicaSet._id} initiated`);
}

for (let second = 0; second < 120; second++) {
  const primary = db.hello().primary;
  if (primary) {
    print(`primary: ${primary}`);
    quit(0);
  }
  sleep(1000);
}
print('the replica set has no primary after 120 s');
quit(1);
