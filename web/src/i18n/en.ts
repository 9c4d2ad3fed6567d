import type { WebCatalogue } from './ja';

export const en: WebCatalogue = {
  app: {
    name: 'Talent Bank',
    city: 'Iwaki City Lifelong Learning',
    skipToContent: 'Skip to content',
    language: 'Language',
    footer: 'Iwaki City Lifelong Learning Division — Talent Bank',
  },
  nav: {
    main: 'Main menu',
    home: 'Home',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: '{{name}}',
  },
  home: {
    title: 'Talent Bank',
    lead: 'Put what you know to work in schools and in your community.',
    what: "Iwaki City's talent bank connects residents who have knowledge, skills and learning to share with the schools, family-education support desks and community groups that need them.",
    joinTitle: 'How to join',
    joinSteps: [
      'Register what you know and when you are free (about ten minutes).',
      'A lifelong-learning adviser checks your registration.',
      'When a school or group asks for someone like you, we email you. You decide whether to take it.',
    ],
    askTitle: 'Looking for someone?',
    askText:
      'Teachers, family-education support desks and community groups join through an invitation from the Lifelong Learning Division, then post their requests.',
    signUp: 'Register',
  },
  signIn: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
  },
  notFound: { title: 'Page not found', back: 'Back to the home page' },
  errors: {
    network: 'Could not reach the server. Please try again in a moment.',
  },
};
